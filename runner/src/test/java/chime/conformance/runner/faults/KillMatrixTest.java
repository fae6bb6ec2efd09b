package chime.conformance.runner.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chime.conformance.runner.target.reference.ReferenceTarget;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KillMatrixTest {

    @TempDir
    Path dir;

    @Test
    void aFaultIsCaughtOnlyByTheScenariosOfTheRuleItBreaks() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        KillMatrix matrix = new KillMatrix(ReferenceTarget::new, dir, "@rule:BAN-002", 2, false, new PrintStream(log, true));

        KillMatrix.Matrix result = matrix.run(FaultCatalogue.named(List.of("ban-does-not-kick", "tags-not-upserted")));

        assertEquals(2, result.faults());
        assertEquals(1, result.caught());
        assertEquals(List.of("tags-not-upserted"), result.uncaught());
        KillMatrix.FaultResult ban = result.results().get(0);
        assertTrue(ban.caught());
        assertTrue(ban.caughtOnRule());
        assertTrue(ban.caughtBy().stream().allMatch(c -> c.status().equals("FAIL") && c.feature().startsWith("bans/")),
                ban.caughtBy().toString());
        assertFalse(result.results().get(1).caught());

        JsonNode json = new ObjectMapper().readTree(dir.resolve(KillMatrix.JSON).toFile());
        assertEquals("tags-not-upserted", json.get("uncaught").get(0).asText());
        String md = Files.readString(dir.resolve(KillMatrix.MARKDOWN));
        assertTrue(md.contains("| `tags-not-upserted` | TAG-003 |"), md);
        assertTrue(md.contains("**not caught**"), md);
        assertTrue(Files.exists(dir.resolve("runs/ban-does-not-kick/results.json")));
        assertTrue(Files.exists(dir.resolve("baseline/index.html")));
    }
}
