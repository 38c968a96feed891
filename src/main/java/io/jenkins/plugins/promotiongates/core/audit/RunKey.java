package io.jenkins.plugins.promotiongates.core.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.event.RunRef;
import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;

/** Identifies one run's chain: job full name and build number. */
record RunKey(String job, long build) {

    /** The constant that names a run chain's genesis object. */
    static final String GENESIS_TAG = "promotion-gates-run";

    /**
     * The {@code prev} of the run's first event: the SHA-256 of the canonical
     * {@code {"build":N,"genesis":"promotion-gates-run","job":"..."}}, so a chain cannot be moved to
     * another run.
     */
    String genesis() {
        ObjectNode genesis = CanonicalJson.newObject();
        genesis.put("build", build);
        genesis.put("genesis", GENESIS_TAG);
        genesis.put("job", job);
        return Sha256.hex(CanonicalJson.write(genesis));
    }

    /** The key of {@code run}'s chain. */
    static RunKey of(RunRef run) {
        return new RunKey(run.job(), run.build());
    }

    @Override
    public String toString() {
        return job + " #" + build;
    }
}
