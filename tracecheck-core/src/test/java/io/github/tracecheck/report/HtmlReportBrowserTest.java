package io.github.tracecheck.report;

import static io.github.tracecheck.testing.TestSpans.id;
import static io.github.tracecheck.testing.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tracecheck.model.TraceForest;
import io.github.tracecheck.rules.Finding;
import io.github.tracecheck.rules.Rules;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium from Debian's packages loads the page from
 * disk, and the test reads the DOM it built and takes a screenshot. Skipped, saying why, when no
 * browser is installed ({@code .ci/run} installs it).
 */
class HtmlReportBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @BeforeAll
  static void needsChromium() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        "no browser: /usr/bin/chromium is not installed (apt-get install chromium; .ci/run does)");
  }

  /** A 2,000-span trace: a gateway with 1,999 descendants, depth up to 20, and a PII finding. */
  private static TraceForest bigTrace() {
    List<SpanData> spans = new ArrayList<>();
    spans.add(span("POST /checkout", id(1)).kind(SpanKind.SERVER).service("api-gateway").time(0, 4000).build());
    for (int i = 2; i <= 2000; i++) {
      long parent = i <= 21 ? i - 1 : 1 + (i % 20);
      spans.add(span("step " + i, id(i)).parent(id(parent)).service(i % 3 == 0 ? "order-worker" : "api-gateway")
          .attr("order.step", (long) i).time(i, i + 100).build());
    }
    spans.add(span("signup", id(5000)).attr("user.email", "jane.doe@example.com").parent(id(1)).time(10, 20).build());
    return TraceForest.of(spans);
  }

  private static String run(Path profile, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + command);
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void rendersTheTreeAndTheFindingsOfA2000SpanTrace(@TempDir Path dir) throws Exception {
    TraceForest forest = bigTrace();
    List<Finding> findings = Rules.check(forest);
    Path page = dir.resolve("trace.html");
    Files.writeString(page, HtmlReport.of("BigTraceTest > twoThousandSpans()", forest, findings), StandardCharsets.UTF_8);

    long started = System.nanoTime();
    String dom = run(dir.resolve("profile-dom"), "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString());
    long loadMillis = (System.nanoTime() - started) / 1_000_000;

    Matcher rendered = Pattern.compile("data-render-ms=\"([0-9.]+)\"").matcher(dom);
    assertThat(rendered.find()).as("the page's script ran to the end").isTrue();
    double renderMillis = Double.parseDouble(rendered.group(1));
    System.out.printf("HTML report, 2,001-span trace: script rendered the DOM in %.1f ms; headless Chromium start,"
        + " load and dump took %d ms%n", renderMillis, loadMillis);
    assertThat(Pattern.compile("<details class=\"span ").matcher(dom).results().count()).isEqualTo(2001);
    assertThat(dom).contains("[pii] </span><span class=\"message\">span \"signup\" (svc) has an email address [email]"
        + " in attribute \"user.email\": j***@e***.com</span>");
    assertThat(dom).doesNotContain("jane.doe@example.com");
    assertThat(renderMillis).as("rendering must not freeze the browser").isLessThan(5_000);

    Path screenshot = dir.resolve("trace.png");
    run(dir.resolve("profile-shot"), "--window-size=1280,1600", "--screenshot=" + screenshot, page.toUri().toString());
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).isGreaterThan(10_000);
    Files.copy(screenshot, Path.of("target", "tracecheck-report-screenshot.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
