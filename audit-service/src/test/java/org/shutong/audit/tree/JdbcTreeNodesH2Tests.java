package org.shutong.audit.tree;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

// Configured as AuditH2Tests, so both share one application context.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JdbcTreeNodesH2Tests extends JdbcTreeNodesContract {

}
