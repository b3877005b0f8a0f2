package io.github.tracecheck.junit;

import io.github.tracecheck.pii.Detectors;
import io.github.tracecheck.pii.PiiAllowance;
import io.github.tracecheck.pii.PiiDetector;
import io.github.tracecheck.pii.RegexDetector;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Which PII detectors the gate runs and which detections it allows. Detectors: the defaults, plus
 * {@code tracecheck.pii.detectors.enable}, minus {@code tracecheck.pii.detectors.disable} (names),
 * plus custom ones from {@code tracecheck.pii.custom.N.*} and {@link TraceCheck#piiDetectors()}.
 */
final class PiiSettings {

  static final String ENABLE = "tracecheck.pii.detectors.enable";
  static final String DISABLE = "tracecheck.pii.detectors.disable";
  static final String CUSTOM = "tracecheck.pii.custom.";
  static final String ALLOW = "tracecheck.pii.allow.";
  private static final int MAX_INDEXED = 1000;

  private final List<PiiDetector> detectors;
  private final List<PiiAllowance> allowances;
  // Every detector name an allowance may use: built-in ones too, even when turned off.
  private final Set<String> knownNames;

  private PiiSettings(List<PiiDetector> detectors, List<PiiAllowance> allowances, Set<String> knownNames) {
    this.detectors = List.copyOf(detectors);
    this.allowances = List.copyOf(allowances);
    this.knownNames = knownNames;
  }

  static PiiSettings read(TraceCheck annotation, Function<String, Optional<String>> properties) {
    Map<String, PiiDetector> byName = new LinkedHashMap<>();
    Detectors.defaults().forEach(d -> byName.put(d.name(), d));
    for (String name : names(properties, ENABLE)) {
      byName.put(name, builtIn(ENABLE, name));
    }
    for (String name : names(properties, DISABLE)) {
      builtIn(DISABLE, name);
      byName.remove(name);
    }
    for (int n = 1; n <= MAX_INDEXED; n++) {
      String prefix = CUSTOM + n + ".";
      Optional<String> name = properties.apply(prefix + "name");
      if (name.isEmpty()) {
        break;
      }
      String pattern =
          properties.apply(prefix + "pattern")
              .orElseThrow(() -> new ExtensionConfigurationException(prefix + "pattern: missing for detector '" + name.get() + "'"));
      try {
        String description = properties.apply(prefix + "description").orElse("a value matching " + name.get());
        byName.put(name.get(), RegexDetector.of(name.get().strip(), description, pattern));
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException(prefix + "pattern: " + e.getMessage(), e);
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
    for (int n = 1; n <= MAX_INDEXED; n++) {
      String prefix = ALLOW + n + ".";
      Optional<String> reason = properties.apply(prefix + "reason");
      Optional<String> detector = properties.apply(prefix + "detector");
      Optional<String> attribute = properties.apply(prefix + "attribute");
      Optional<String> span = properties.apply(prefix + "span");
      if (reason.isEmpty() && detector.isEmpty() && attribute.isEmpty() && span.isEmpty()) {
        break;
      }
      allowances.add(
          allowance(detector.orElse("*"), attribute.orElse("*"), span.orElse("*"), reason.orElse(""), prefix + "*", known));
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

  private static List<String> names(Function<String, Optional<String>> properties, String key) {
    List<String> names = new ArrayList<>();
    for (String name : properties.apply(key).map(v -> Arrays.asList(v.split(","))).orElse(List.of())) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names;
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
