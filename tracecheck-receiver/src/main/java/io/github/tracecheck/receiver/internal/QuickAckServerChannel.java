package io.github.tracecheck.receiver.internal;

import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.List;
import jdk.net.ExtendedSocketOptions;

/**
 * A server channel whose connections acknowledge what they receive at once, so that senders that
 * leave Nagle's algorithm on do not wait 40 ms per request.
 *
 * <p>OpenTelemetry Java's default OTLP sender (OkHttp, for OTLP/HTTP and OTLP/gRPC alike, in the
 * SDK and the Java agent) does not set {@code TCP_NODELAY} and writes a request in 8 KiB pieces:
 * the last piece waits until the previous one is acknowledged, and Linux delays that acknowledgement
 * by 40 ms once a connection looks like request/response traffic. Every export over 8 KiB then costs
 * 40 ms (measured: 44 ms for a 512-span request that takes 1.3 ms from a sender with
 * {@code TCP_NODELAY}). {@code TCP_QUICKACK} turns the delay off, but only until the kernel turns it
 * on again, so it is set again after every read. Where the option does not exist (not Linux) this
 * is a plain NIO channel.
 */
public final class QuickAckServerChannel extends NioServerSocketChannel {

  private static final SocketOption<Boolean> QUICK_ACK = ExtendedSocketOptions.TCP_QUICKACK;

  /** Public and without arguments: Netty makes the channel reflectively from its class. */
  public QuickAckServerChannel() {
    super();
  }

  @Override
  protected int doReadMessages(List<Object> accepted) throws Exception {
    SocketChannel socket = javaChannel().accept();
    if (socket == null) {
      return 0;
    }
    try {
      accepted.add(new Connection(this, socket));
      return 1;
    } catch (RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /** One accepted connection: after each read, whatever arrived is acknowledged now. */
  static final class Connection extends NioSocketChannel {

    private final boolean quickAck;

    Connection(Channel parent, SocketChannel socket) {
      super(parent, socket);
      this.quickAck = socket.supportedOptions().contains(QUICK_ACK);
    }

    @Override
    protected int doReadBytes(ByteBuf buffer) throws Exception {
      int read = super.doReadBytes(buffer);
      if (quickAck && read > 0) {
        acknowledgeNow();
      }
      return read;
    }

    private void acknowledgeNow() {
      try {
        // Leaves delayed-acknowledgement mode and sends the acknowledgement it was holding back.
        javaChannel().setOption(QUICK_ACK, true);
      } catch (IOException e) {
        // The connection is closing: its next read reports that.
      }
    }
  }
}
