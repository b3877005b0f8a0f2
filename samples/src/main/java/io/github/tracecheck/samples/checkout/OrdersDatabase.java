package io.github.tracecheck.samples.checkout;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.jdbc.datasource.JdbcTelemetry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** order-worker's database: H2 in memory, traced with OpenTelemetry's JDBC instrumentation. */
final class OrdersDatabase {

  private final DataSource traced;
  private final boolean withLiterals;

  OrdersDatabase(OpenTelemetry openTelemetry, boolean withLiterals) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1");
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
      // The schema is created on the raw data source: it is set-up, not part of any trace.
      statement.execute("CREATE TABLE IF NOT EXISTS orders (id VARCHAR(64) PRIMARY KEY, user_id VARCHAR(64), email VARCHAR(128),"
          + " sku VARCHAR(64), price DECIMAL(10, 2))");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the orders table", e);
    }
    this.withLiterals = withLiterals;
    // Sanitization replaces literals with ?; the bug turns it off, as some teams do to "see the query".
    this.traced = JdbcTelemetry.builder(openTelemetry).setQuerySanitizationEnabled(!withLiterals).build().wrap(h2);
  }

  void insert(String id, String user, String email, String sku, double price) throws SQLException {
    try (Connection connection = traced.getConnection()) {
      if (withLiterals) {
        try (Statement statement = connection.createStatement()) {
          statement.executeUpdate("INSERT INTO orders (user_id, email, sku, price, id) VALUES ('" + user + "', '"
              + email + "', '" + sku + "', " + price + ", '" + id + "')");
        }
      } else {
        try (PreparedStatement statement =
            connection.prepareStatement("INSERT INTO orders (id, user_id, email, sku, price) VALUES (?, ?, ?, ?, ?)")) {
          statement.setString(1, id);
          statement.setString(2, user);
          statement.setString(3, email);
          statement.setString(4, sku);
          statement.setDouble(5, price);
          statement.executeUpdate();
        }
      }
    }
  }
}
