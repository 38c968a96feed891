package io.jenkins.plugins.promotiongates.core.evidence.junit;

/**
 * The policy's settings for test evidence.
 *
 * @param minimumTests the fewest test cases that must have run (skipped ones do not count); 0 or more
 */
public record TestsSettings(int minimumTests) {

    /**
     * @throws IllegalArgumentException naming the setting
     */
    public TestsSettings {
        if (minimumTests < 0) {
            throw new IllegalArgumentException("tests.minimumTests is " + minimumTests
                    + "; it is the fewest tests that must have run: 0 or more, such as 1");
        }
    }
}
