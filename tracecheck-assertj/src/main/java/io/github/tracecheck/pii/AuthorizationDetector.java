package io.github.tracecheck.pii;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Credentials in {@code Authorization} and {@code Proxy-Authorization} headers: any value under a
 * captured header attribute of that name, and {@code Bearer}/{@code Basic} credentials anywhere.
 */
final class AuthorizationDetector extends RegexDetector {

  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

  AuthorizationDetector() {
    super(
        "authorization",
        "an Authorization header credential",
        java.util.regex.Pattern.compile(
            "(?i)(?<![\\p{Alnum}])(?:bearer|basic|digest|negotiate)\\s+(?<value>[A-Za-z0-9._~+/=\\-]{8,})"),
        Detectors::notRedacted);
  }

  /** The scheme and its credential are separated by white space: most values have none. */
  @Override
  public java.util.List<PiiMatch> find(String text) {
    if (text.indexOf(' ') < 0 && text.indexOf('\t') < 0) {
      return java.util.List.of();
    }
    return super.find(text);
  }

  @Override
  public boolean flagsKey(String attributeKey) {
    String key = attributeKey.toLowerCase(Locale.ROOT);
    for (String prefix : List.of("http.request.header.", "http.response.header.", "rpc.grpc.request.metadata.")) {
      if (key.startsWith(prefix) && CREDENTIAL_HEADERS.contains(key.substring(prefix.length()))) {
        return true;
      }
    }
    return false;
  }
}
