package io.github.tracecheck.kafka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Kafka 3's KRaft test kit ({@code kafka.testkit} in {@code org.apache.kafka:kafka_2.13:<version>:test}),
 * the embedded broker of a build whose Kafka is 3.x (Spring Boot 3.5 manages 3.9.1). Called by
 * reflection: this module compiles against Kafka 4, and one module cannot compile against both kits.
 * A method the kit lacks fails as the {@link LinkageError} a compiled call would.
 */
final class Kafka3Cluster implements KraftCluster {

  static final String KIT = "kafka.testkit.KafkaClusterTestKit";
  private static final String NODES_BUILDER = "kafka.testkit.TestKitNodes$Builder";

  private final AutoCloseable kit;
  private final String bootstrapServers;
  private final Path directory;

  private Kafka3Cluster(AutoCloseable kit, String bootstrapServers, Path directory) {
    this.kit = kit;
    this.bootstrapServers = bootstrapServers;
    this.directory = directory;
  }

  /**
   * Starts one combined node with these broker settings and waits until it serves. The kit makes its
   * own temporary directory (it has no setting for one) and deletes it on close.
   */
  static Kafka3Cluster start(Map<String, String> config) throws Exception {
    Object nodesBuilder = construct(NODES_BUILDER, new Class<?>[0]);
    call(nodesBuilder, "setCombined", new Class<?>[] {boolean.class}, true);
    call(nodesBuilder, "setNumBrokerNodes", new Class<?>[] {int.class}, 1);
    call(nodesBuilder, "setNumControllerNodes", new Class<?>[] {int.class}, 1);
    Object nodes = call(nodesBuilder, "build", new Class<?>[0]);
    Object builder = construct(KIT + "$Builder", new Class<?>[] {nodes.getClass()}, nodes);
    for (Map.Entry<String, String> setting : config.entrySet()) {
      call(builder, "setConfigProp", new Class<?>[] {String.class, Object.class}, setting.getKey(), setting.getValue());
    }
    AutoCloseable kit = (AutoCloseable) call(builder, "build", new Class<?>[0]);
    try {
      call(kit, "format", new Class<?>[0]);
      call(kit, "startup", new Class<?>[0]);
      call(kit, "waitForReadyBrokers", new Class<?>[0]);
      String bootstrapServers = (String) call(kit, "bootstrapServers", new Class<?>[0]);
      Path directory = Path.of((String) call(nodes, "baseDirectory", new Class<?>[0]));
      return new Kafka3Cluster(kit, bootstrapServers, directory);
    } catch (Exception | LinkageError e) {
      kit.close();
      throw e;
    }
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public void close() throws Exception {
    kit.close();
  }

  private static Object construct(String className, Class<?>[] types, Object... arguments) throws Exception {
    Class<?> type;
    try {
      type = Class.forName(className, true, Kafka3Cluster.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw linkageError(new NoClassDefFoundError(className.replace('.', '/')), e);
    }
    try {
      return unwrapped(() -> type.getConstructor(types).newInstance(arguments));
    } catch (NoSuchMethodException e) {
      throw linkageError(new NoSuchMethodError(className + ".<init>" + Arrays.toString(types)), e);
    }
  }

  private static Object call(Object target, String name, Class<?>[] types, Object... arguments) throws Exception {
    Method method;
    try {
      method = target.getClass().getMethod(name, types);
    } catch (NoSuchMethodException e) {
      throw linkageError(new NoSuchMethodError(target.getClass().getName() + "." + name
          + Arrays.toString(types)), e);
    }
    return unwrapped(() -> method.invoke(target, arguments));
  }

  /** A reflective call that fails as the call itself would: with the exception or error it threw. */
  private static Object unwrapped(ReflectiveCall call) throws Exception {
    try {
      return call.run();
    } catch (InvocationTargetException e) {
      Throwable thrown = e.getCause();
      if (thrown instanceof Exception exception) {
        throw exception;
      }
      if (thrown instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static LinkageError linkageError(LinkageError error, ReflectiveOperationException cause) {
    error.initCause(cause);
    return error;
  }

  @FunctionalInterface
  private interface ReflectiveCall {
    Object run() throws ReflectiveOperationException;
  }
}
