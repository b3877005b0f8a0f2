package io.github.tracecheck.assertj;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The wire checks of {@link AbstractWireContextAssert} on a plain carrier: the map a {@code
 * TextMapSetter} filled, e.g. the properties of a message on a transport tracecheck has no module
 * for. Names are matched ignoring case, as HTTP does.
 *
 * <pre>{@code
 * Map<String, String> headers = new HashMap<>();
 * openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, Map::put);
 * assertThatCarrier(headers).hasValidTraceparent().continuesSpan(publishSpan);
 * }</pre>
 */
public class CarrierAssert extends AbstractWireContextAssert<CarrierAssert, Map<String, String>> {

  public CarrierAssert(Map<String, String> actual) {
    super(actual, CarrierAssert.class);
  }

  @Override
  protected String header(String name) {
    String value = actual.get(name);
    if (value != null) {
      return value;
    }
    for (Map.Entry<String, String> entry : actual.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  @Override
  protected List<String> headerNames() {
    return new ArrayList<>(actual.keySet());
  }

  @Override
  protected String carrier() {
    return "the carrier";
  }
}
