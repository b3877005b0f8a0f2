package io.github.tracecheck.inventory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inventory service: a Spring Boot application of its own (its own context, and {@code
 * spring.application.name} from {@code inventory.properties}, read with {@code
 * spring.config.name=inventory}) that the checkout can call instead of its own endpoint.
 */
@SpringBootApplication
@RestController
public class InventoryApplication {

  public static void main(String[] args) {
    start(args);
  }

  /** Starts the service with its own configuration file; its port is {@code local.server.port}. */
  public static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(InventoryApplication.class).properties("spring.config.name=inventory").run(args);
  }

  @GetMapping("/inventory")
  String inventory(@RequestParam String sku) {
    return sku + " in stock";
  }
}
