package io.github.tracecheck.springtests;

import io.github.tracecheck.inventory.InventoryApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the test classes whose checkout calls the inventory service as a second Spring Boot
 * application: started once for the class (and its nested classes), and the checkout pointed at it.
 */
abstract class WithInventoryService {

  static ConfigurableApplicationContext inventory;

  @BeforeAll
  static void startTheInventoryService() {
    inventory = InventoryApplication.start();
  }

  @AfterAll
  static void stopTheInventoryService() {
    inventory.close();
  }

  @DynamicPropertySource
  static void inventoryUrl(DynamicPropertyRegistry registry) {
    registry.add("checkout.inventory-url",
        () -> "http://localhost:" + inventory.getEnvironment().getRequiredProperty("local.server.port"));
  }
}
