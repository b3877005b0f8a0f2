package io.github.tracecheck.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a Docker engine can run containers here, and if not, why. Checked before Testcontainers
 * is touched, so that the answer is quick and the reason is clear.
 */
interface DockerProbe {

  /** Null when Docker is usable, otherwise one sentence saying why not. */
  String whyUnavailable();

  /** Looks for Testcontainers on the class path and a Docker endpoint, then asks Testcontainers. */
  static DockerProbe system() {
    return () -> {
      try {
        Class.forName("org.testcontainers.DockerClientFactory");
      } catch (ClassNotFoundException e) {
        return "Testcontainers is not on the test class path (add org.testcontainers:testcontainers-kafka)";
      }
      String dockerHost = System.getenv("DOCKER_HOST");
      if ((dockerHost == null || dockerHost.isBlank()) && !Files.exists(Path.of("/var/run/docker.sock"))) {
        return "no Docker engine: DOCKER_HOST is not set and /var/run/docker.sock does not exist";
      }
      try {
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable()
            ? null
            : "Testcontainers found no working Docker engine (DOCKER_HOST=" + dockerHost + ")";
      } catch (RuntimeException | LinkageError e) {
        return "Testcontainers could not reach a Docker engine: " + e;
      }
    };
  }
}
