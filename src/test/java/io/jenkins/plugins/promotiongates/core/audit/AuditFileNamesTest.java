package io.jenkins.plugins.promotiongates.core.audit;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class AuditFileNamesTest {

    @Test
    public void namesAreSafeForHeadersAndShells() {
        assertEquals("team-app-42-bundle.json", AuditFileNames.of("team/app", 42, "bundle"));
        assertEquals("a-b-c-7-events.json", AuditFileNames.of("a\"b\r\nc", 7, "events"));
        assertEquals("job-1-bundle.json", AuditFileNames.of("../..", 1, "bundle"));
        assertEquals(
                "r-sum-1-bundle.json", AuditFileNames.of("résumé", 1, "bundle").replace("r-sum", "r-sum"));
    }
}
