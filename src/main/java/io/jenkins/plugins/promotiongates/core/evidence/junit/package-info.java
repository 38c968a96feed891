/**
 * Test evidence: JUnit XML reports (Surefire, Gradle, pytest {@code --junitxml}) read with a parser that
 * refuses DTDs and entities, and the check that no test failed and that enough tests ran.
 */
package io.jenkins.plugins.promotiongates.core.evidence.junit;
