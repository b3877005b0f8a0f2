package io.github.tracecheck.springtests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * The checkout endpoint, and the inventory endpoint it calls over HTTP: its own, or the inventory
 * service's at {@code checkout.inventory-url} when that is set.
 */
@RestController
class CheckoutController {

  private static final Logger log = LoggerFactory.getLogger(CheckoutController.class);

  private final RestClient.Builder restClients;
  private final Environment environment;
  private final Audit audit;
  private final ObjectProvider<OrderEvents> orderEvents;
  private final Bug bug;

  CheckoutController(
      RestClient.Builder restClients,
      Environment environment,
      Audit audit,
      ObjectProvider<OrderEvents> orderEvents,
      @Value("${checkout.bug:NONE}") Bug bug) {
    this.restClients = restClients;
    this.environment = environment;
    this.audit = audit;
    this.orderEvents = orderEvents;
    this.bug = bug;
  }

  @GetMapping("/checkout")
  String checkout(@RequestParam String sku) {
    log.info("checkout of {}", sku);
    String baseUrl = environment.getProperty(
        "checkout.inventory-url", "http://localhost:" + environment.getRequiredProperty("local.server.port"));
    // Boot's builder carries the observation registry; RestClient.create() does not.
    RestClient client =
        bug == Bug.REST_CLIENT_WITHOUT_BUILDER ? RestClient.create(baseUrl) : restClients.baseUrl(baseUrl).build();
    String stock = client.get().uri("/inventory?sku={sku}", sku).retrieve().body(String.class);
    String audited = audit.record(sku).join();
    orderEvents.ifAvailable(events -> events.placed(sku));
    return stock + ", " + audited;
  }

  /** The payment provider is down: the refund fails, and the handler below answers 503. */
  @GetMapping("/refund")
  String refund(@RequestParam String order) {
    throw new IllegalStateException("payment provider unavailable for " + order);
  }

  @ExceptionHandler(IllegalStateException.class)
  ResponseEntity<String> unavailable(IllegalStateException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("try again later");
  }

  @GetMapping("/inventory")
  String inventory(@RequestParam String sku) {
    return sku + " in stock";
  }
}
