package io.jenkins.plugins.promotiongates.gates;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.approval.Refusal;
import org.junit.Test;

/** An ineligible or excluded person gets 403; a missing comment 400; a gate that moved on 409. */
public class RefusalStatusTest {

    @Test
    public void everyRefusalHasItsStatus() {
        assertEquals(403, RefusalStatus.of(Refusal.NOT_ELIGIBLE));
        assertEquals(403, RefusalStatus.of(Refusal.STARTER_EXCLUDED));
        assertEquals(403, RefusalStatus.of(Refusal.CHANGE_AUTHOR_EXCLUDED));
        assertEquals(403, RefusalStatus.of(Refusal.BREAK_GLASS_NOT_ALLOWED));
        assertEquals(403, RefusalStatus.of(Refusal.BREAK_GLASS_NOT_NAMED));
        assertEquals(400, RefusalStatus.of(Refusal.COMMENT_REQUIRED));
        assertEquals(409, RefusalStatus.of(Refusal.WRONG_ARTIFACT));
        assertEquals(409, RefusalStatus.of(Refusal.WRONG_POLICY));
        assertEquals(409, RefusalStatus.of(Refusal.CLOSED));
    }
}
