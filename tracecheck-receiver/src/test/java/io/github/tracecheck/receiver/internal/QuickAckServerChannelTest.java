package io.github.tracecheck.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.ServerChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioChannelOption;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

/**
 * Over real loopback connections doing request/response exchanges - the traffic after which Linux
 * starts delaying acknowledgements - a connection of the quick-ack channel is still in quick-ack
 * mode each time data arrives; a plain NIO channel's connection is not (the control: it shows the
 * check can tell the two apart on this kernel).
 */
class QuickAckServerChannelTest {

  private static final int EXCHANGES = 20;

  @Test
  void staysInQuickAckModeAcrossRequestResponseExchanges() throws Exception {
    assumeQuickAckExists();
    List<Boolean> modes = quickAckModeAtEachRead(QuickAckServerChannel.class);
    assertThat(modes).hasSize(EXCHANGES).containsOnly(true);
  }

  @Test
  void aPlainChannelLeavesQuickAckModeUnderTheSameTraffic() throws Exception {
    assumeQuickAckExists();
    List<Boolean> modes = quickAckModeAtEachRead(NioServerSocketChannel.class);
    assertThat(modes).hasSize(EXCHANGES).contains(false);
  }

  private static void assumeQuickAckExists() throws Exception {
    try (SocketChannel probe = SocketChannel.open()) {
      assumeThat(probe.supportedOptions()).as("TCP_QUICKACK exists on Linux only").contains(ExtendedSocketOptions.TCP_QUICKACK);
    }
  }

  /** Serves echo exchanges and records, as each request is read, whether the connection would acknowledge at once. */
  private static List<Boolean> quickAckModeAtEachRead(Class<? extends ServerChannel> channelType) throws Exception {
    List<Boolean> modes = new CopyOnWriteArrayList<>();
    EventLoopGroup loops = new NioEventLoopGroup(1);
    try {
      Channel server = new ServerBootstrap()
          .group(loops)
          .channel(channelType)
          .childHandler(new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel connection) {
              connection.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext context, Object message) {
                  modes.add(context.channel().config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_QUICKACK)));
                  context.writeAndFlush(message); // the answer, right away: request/response traffic
                }
              });
            }
          })
          .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
          .sync()
          .channel();
      try (Socket client = new Socket(InetAddress.getLoopbackAddress(), ((InetSocketAddress) server.localAddress()).getPort())) {
        client.setTcpNoDelay(true); // one request, one segment: the server reads each exchange once
        OutputStream out = client.getOutputStream();
        InputStream in = client.getInputStream();
        byte[] request = new byte[100];
        for (int i = 0; i < EXCHANGES; i++) {
          out.write(request);
          in.readNBytes(request.length);
        }
      } finally {
        server.close().sync();
      }
    } finally {
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
    }
    return modes;
  }
}
