package io.github.tracecheck.springtests;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * A checkout service: {@code /checkout} asks {@code /inventory} over HTTP through a RestClient and
 * writes an audit record on a task executor. {@code checkout.bug} plants one propagation bug.
 */
@SpringBootApplication
@EnableAsync
public class CheckoutApplication {

  public static void main(String[] args) {
    SpringApplication.run(CheckoutApplication.class, args);
  }
}
