import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.UUID;

/**
 * The baseline for audit ingest: plain batched INSERTs (1,000 rows per batch and commit)
 * of the same audit-shaped rows into the same server, with the two secondary indexes a
 * searchable log needs and nothing else: no hashing, no tree, no HTTP.
 *
 * java -cp mysql-connector-j.jar RawInsertBaseline.java <rows> <jdbc url>
 */
public class RawInsertBaseline {

	public static void main(String[] args) throws Exception {
		int rows = Integer.parseInt(args[0]);
		int batch = 1000;
		try (Connection c = DriverManager.getConnection(args[1])) {
			c.createStatement().execute("DROP TABLE IF EXISTS raw_insert_bench");
			c.createStatement()
				.execute("CREATE TABLE raw_insert_bench (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
						+ " event_id CHAR(36) NOT NULL UNIQUE, occurred_at TIMESTAMP(3) NOT NULL, department CHAR(18) NOT NULL,"
						+ " action VARCHAR(64) NOT NULL, resource VARCHAR(64), subject_ref CHAR(64), payload TEXT NOT NULL,"
						+ " KEY (department, occurred_at), KEY (subject_ref, occurred_at)) ENGINE=InnoDB");
			c.setAutoCommit(false);
			String payload = "{\"service\":\"catalog-service\",\"action\":\"exchange.query\",\"outcome\":\"SUCCESS\","
					+ "\"actor\":{\"departmentCode\":\"11150400MB1234567X\",\"clientId\":\"mz-system\"},"
					+ "\"resource\":\"JC-11150400MB1234567X-000123\",\"serviceItemCode\":\"MZ-0001\",\"purpose\":\"核验婚姻状况\","
					+ "\"details\":{\"rows\":1,\"items\":[\"name\",\"status\"],\"durationMs\":3}}";
			PreparedStatement p = c.prepareStatement("INSERT INTO raw_insert_bench (event_id, occurred_at, department,"
					+ " action, resource, subject_ref, payload) VALUES (?,?,?,?,?,?,?)");
			long t0 = System.nanoTime();
			for (int i = 1; i <= rows; i++) {
				p.setString(1, UUID.randomUUID().toString());
				p.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
				p.setString(3, "11150400MB1234567X");
				p.setString(4, "exchange.query");
				p.setString(5, "JC-11150400MB1234567X-000123");
				p.setString(6, String.format("%064x", i));
				p.setString(7, payload);
				p.addBatch();
				if (i % batch == 0) {
					p.executeBatch();
					c.commit();
				}
			}
			p.executeBatch();
			c.commit();
			double s = (System.nanoTime() - t0) / 1e9;
			System.out.printf("raw batched INSERT: %d rows in %.1f s = %.0f rows/s%n", rows, s, rows / s);
			System.out.printf("RESULT rows_per_s=%.0f%n", rows / s);
			c.createStatement().execute("DROP TABLE raw_insert_bench");
			c.commit();
		}
	}

}
