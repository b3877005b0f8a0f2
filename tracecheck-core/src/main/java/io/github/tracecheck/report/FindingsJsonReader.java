package io.github.tracecheck.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the findings of a document {@link FindingsJsonWriter} wrote, e.g. to merge the files of several JVMs. */
public final class FindingsJsonReader {

  private static final JsonFactory FACTORY = new JsonFactory();

  private FindingsJsonReader() {}

  /** The findings, in the document's order; an {@link IOException} names what is not such a document. */
  public static List<FindingRecord> read(Reader in) throws IOException {
    List<FindingRecord> findings = new ArrayList<>();
    try (JsonParser json = FACTORY.createParser(in)) {
      expect(json.nextToken() == JsonToken.START_OBJECT, json, "a findings document");
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        if (field.equals("findings")) {
          expect(json.currentToken() == JsonToken.START_ARRAY, json, "an array of findings");
          while (json.nextToken() == JsonToken.START_OBJECT) {
            findings.add(finding(json));
          }
        } else {
          json.skipChildren();
        }
      }
    }
    return findings;
  }

  private static FindingRecord finding(JsonParser json) throws IOException {
    Map<String, String> fields = new HashMap<>();
    SourceSite source = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (name.equals("source") && value == JsonToken.START_OBJECT) {
        String path = "";
        int line = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String sourceField = json.currentName();
          json.nextToken();
          if (sourceField.equals("path")) {
            path = json.getText();
          } else if (sourceField.equals("line")) {
            line = json.getIntValue();
          } else {
            json.skipChildren();
          }
        }
        source = new SourceSite(path, line);
      } else if (value.isScalarValue()) {
        fields.put(name, json.getText());
      } else {
        json.skipChildren();
      }
    }
    for (String required : List.of("rule", "level", "message")) {
      expect(fields.containsKey(required), json, "a finding with \"" + required + "\"");
    }
    return new FindingRecord(fields.get("rule"), fields.get("level"), fields.get("message"),
        fields.getOrDefault("likelyCause", ""), fields.getOrDefault("traceId", ""), fields.getOrDefault("spanId", ""),
        fields.getOrDefault("span", ""), fields.getOrDefault("service", ""), source, fields.get("test"));
  }

  private static void expect(boolean condition, JsonParser json, String what) throws IOException {
    if (!condition) {
      throw new IOException("not " + what + " at line " + json.currentLocation().getLineNr() + ", column "
          + json.currentLocation().getColumnNr());
    }
  }
}
