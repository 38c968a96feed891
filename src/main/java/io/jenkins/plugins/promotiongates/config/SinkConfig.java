package io.jenkins.plugins.promotiongates.config;

import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.promotiongates.core.sink.SinkBasics;
import io.jenkins.plugins.promotiongates.core.sink.SinkFields;
import io.jenkins.plugins.promotiongates.core.sink.SinkSettings;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A receiver outside the controller that gets a copy of every audit event and signed checkpoint
 * (Manage Jenkins → Security → Promotion Gates → Copies outside the controller). The fields are text
 * as the administrator typed them; the engine's {@link SinkSettings} validates them.
 */
public abstract class SinkConfig implements Describable<SinkConfig> {

    private final String name;
    private int maxQueueMegabytes = SinkBasics.DEFAULT_QUEUE_MEGABYTES;
    private boolean includeExistingEntries;

    protected SinkConfig(String name) {
        this.name = name == null ? "" : name.trim();
    }

    public String getName() {
        return name;
    }

    public int getMaxQueueMegabytes() {
        return maxQueueMegabytes;
    }

    @DataBoundSetter
    public void setMaxQueueMegabytes(int maxQueueMegabytes) {
        this.maxQueueMegabytes = maxQueueMegabytes;
    }

    public boolean isIncludeExistingEntries() {
        return includeExistingEntries;
    }

    @DataBoundSetter
    public void setIncludeExistingEntries(boolean includeExistingEntries) {
        this.includeExistingEntries = includeExistingEntries;
    }

    protected SinkBasics basics() {
        return new SinkBasics(name, maxQueueMegabytes, includeExistingEntries);
    }

    /**
     * The validated settings.
     *
     * @param localHostname the controller's host name, for a syslog HOSTNAME left blank
     * @throws io.jenkins.plugins.promotiongates.core.sink.InvalidSinkException naming every field that cannot be used
     */
    public abstract SinkSettings toSettings(String localHostname);

    /** The checks every kind of sink has; each needs Overall/Administer and a POST. */
    public abstract static class SinkDescriptor extends Descriptor<SinkConfig> {

        @POST
        public FormValidation doCheckName(@QueryParameter String value) {
            return check(() -> SinkFields.name(value));
        }

        @POST
        public FormValidation doCheckMaxQueueMegabytes(@QueryParameter String value) {
            return check(() -> SinkFields.maxQueueMegabytes(value));
        }

        /** Checks the permission, then turns the engine's problem (or {@code null}) into a form message. */
        static FormValidation check(Supplier<String> problem) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            String text = problem.get();
            return text == null ? FormValidation.ok() : FormValidation.error(text);
        }
    }
}
