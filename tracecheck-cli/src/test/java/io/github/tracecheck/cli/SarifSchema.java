package io.github.tracecheck.cli;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The SARIF 2.1.0 JSON schema as OASIS publishes it (committed in tracecheck-core's test resources), offline. */
final class SarifSchema {

  private static final Path FILE = Path.of("../tracecheck-core/src/test/resources/sarif/sarif-schema-2.1.0.json");

  private SarifSchema() {}

  /** The schema's complaints about {@code sarif}; empty when it is valid SARIF 2.1.0. */
  static List<String> errors(String sarif) {
    try (InputStream schemaText = Files.newInputStream(FILE)) {
      Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schemaText);
      return schema.validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
