package io.github.tracecheck.junit;

import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.pii.PiiAllowance;
import io.github.tracecheck.pii.PhoneNumberDetector;
import io.github.tracecheck.pii.PiiDetector;
import io.github.tracecheck.pii.RegexDetector;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Which PII detectors the gate runs and which detections it allows. Detectors: the defaults, plus
 * {@code tracecheck.pii.detectors.enable}, minus {@code tracecheck.pii.detectors.disable} (names),
 * plus custom ones from {@code tracecheck.pii.custom.N.*} and {@link TraceCheck#piiDetectors()}.
 */
final class PiiSettings {

  static final String ENABLE = TraceCheck.PII_DETECTORS_ENABLE_PROPERTY_NAME;
  static final String DISABLE = TraceCheck.PII_DETECTORS_DISABLE_PROPERTY_NAME;
  static final String CUSTOM = TraceCheck.PII_CUSTOM_PROPERTY_PREFIX;
  static final String ALLOW = TraceCheck.PII_ALLOW_PROPERTY_PREFIX;
  static final String PHONE_REGIONS = TraceCheck.PII_PHONE_REGIONS_PROPERTY_NAME;

  private final List<PiiDetector> detectors;
  private final List<PiiAllowance> allowances;
  // Every detector name an allowance may use: built-in ones too, even when turned off.
  private final Set<String> knownNames;

  private PiiSettings(List<PiiDetector> detectors, List<PiiAllowance> allowances, Set<String> knownNames) {
    this.detectors = List.copyOf(detectors);
    this.allowances = List.copyOf(allowances);
    this.knownNames = knownNames;
  }

  /** The phone detector accepting the national formats of these regions; a bad region names the key. */
  private static PiiDetector phoneDetector(List<String> regions) {
    try {
      return PhoneNumberDetector.forRegions(regions.stream().filter(r -> !r.isBlank()).toList());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(PHONE_REGIONS + ": " + e.getMessage(), e);
    }
  }

  static PiiSettings read(TraceCheck annotation, PropertySource properties) {
    Map<String, PiiDetector> byName = new LinkedHashMap<>();
    Detectors.defaults().forEach(d -> byName.put(d.name(), d));
    for (String name : properties.list(ENABLE)) {
      byName.put(name, builtIn(ENABLE, name));
    }
    for (String name : properties.list(DISABLE)) {
      builtIn(DISABLE, name);
      byName.remove(name);
    }
    if (properties.get(PHONE_REGIONS).isPresent() && byName.containsKey(Detectors.PHONE.name())) {
      byName.put(Detectors.PHONE.name(), phoneDetector(properties.list(PHONE_REGIONS)));
    }
    for (PropertySource.Group group : properties.groups(CUSTOM, "name", "pattern", "description")) {
      String name =
          group.get("name").map(String::strip)
              .orElseThrow(() -> new ExtensionConfigurationException(group.source() + ": a custom detector needs a name"));
      String pattern =
          group.get("pattern")
              .orElseThrow(() -> new ExtensionConfigurationException(group.source() + ": missing pattern for detector '" + name + "'"));
      try {
        byName.put(name, RegexDetector.of(name, group.get("description").orElse("a value matching " + name), pattern));
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(group.key("pattern") + ": " + e.getMessage(), e);
      }
    }
    if (annotation != null) {
      for (Class<? extends PiiDetector> type : annotation.piiDetectors()) {
        PiiDetector detector = instantiate(type);
        byName.put(detector.name(), detector);
      }
    }
    Set<String> known = new TreeSet<>(byName.keySet());
    Detectors.builtIn().forEach(d -> known.add(d.name()));
    List<PiiAllowance> allowances = new ArrayList<>();
    for (PropertySource.Group group : properties.groups(ALLOW, "detector", "attribute", "span", "reason")) {
      allowances.add(
          allowance(group.get("detector").orElse("*"), group.get("attribute").orElse("*"), group.get("span").orElse("*"),
              group.get("reason").orElse(""), group.source(), known));
    }
    return new PiiSettings(new ArrayList<>(byName.values()), allowances, known);
  }

  /** These settings with the {@link AllowPii} annotations of a class or method added. */
  PiiSettings with(AnnotatedElement element, String description) {
    List<PiiAllowance> more = new ArrayList<>(allowances);
    for (AllowPii allow : AnnotationSupport.findRepeatableAnnotations(element, AllowPii.class)) {
      more.add(allowance(allow.detector(), allow.attribute(), allow.span(), allow.reason(), "@AllowPii on " + description, knownNames));
    }
    return new PiiSettings(detectors, more, knownNames);
  }

  List<PiiDetector> detectors() {
    return detectors;
  }

  List<PiiAllowance> allowances() {
    return allowances;
  }

  private static PiiAllowance allowance(
      String detector, String attribute, String span, String reason, String source, Set<String> known) {
    if (!detector.equals("*") && !known.contains(detector)) {
      throw new ExtensionConfigurationException(
          source + ": unknown PII detector '" + detector + "'; detectors: " + String.join(", ", known));
    }
    try {
      return PiiAllowance.of(detector, attribute, span, reason);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(source + ": " + e.getMessage(), e);
    }
  }

  private static PiiDetector builtIn(String key, String name) {
    return Detectors.builtIn().stream()
        .filter(d -> d.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new ExtensionConfigurationException(
                key + ": unknown PII detector '" + name + "'; built-in detectors: "
                    + String.join(", ", Detectors.builtIn().stream().map(PiiDetector::name).toList())));
  }

  private static PiiDetector instantiate(Class<? extends PiiDetector> type) {
    try {
      var constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException(
          "@TraceCheck(piiDetectors): cannot create " + type.getName() + " with a no-argument constructor: " + e, e);
    }
  }
}
