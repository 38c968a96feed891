package io.jenkins.plugins.promotiongates.core.evidence.junit;

/**
 * A test case that failed or ended in an error.
 *
 * @param name {@code classname.name}, as the report names it
 * @param error whether it ended in an error (an unexpected exception) rather than a failed assertion
 * @param message the first line of the report's message, possibly empty
 */
public record FailedTest(String name, boolean error, String message) {

    /** {@code com.example.GreetingTest.greetsPolitely (failure: expected ...)}. */
    public String describe() {
        return name + " (" + (error ? "error" : "failure") + (message.isEmpty() ? "" : ": " + message) + ")";
    }
}
