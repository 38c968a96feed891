package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.promotiongates.core.sink.HttpSettings;
import io.jenkins.plugins.promotiongates.core.sink.SinkFields;
import io.jenkins.plugins.promotiongates.core.sink.SinkSettings;
import java.net.URI;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * An HTTP receiver of JSON lines (Splunk HTTP Event Collector's raw endpoint, Logstash, Vector, Fluent
 * Bit...), with an optional token from a Secret text credential. Only the credential's id is stored.
 */
public final class HttpSinkConfig extends SinkConfig {

    private final String url;
    private String credentialsId = "";
    private String headerName = HttpSettings.DEFAULT_HEADER;
    private String authScheme = HttpSettings.DEFAULT_SCHEME;
    private String caCertificate = "";

    @DataBoundConstructor
    public HttpSinkConfig(String name, String url) {
        super(name);
        this.url = url == null ? "" : url.trim();
    }

    public String getUrl() {
        return url;
    }

    public String getCredentialsId() {
        return credentialsId == null ? "" : credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId == null ? "" : credentialsId.trim();
    }

    public String getHeaderName() {
        return headerName;
    }

    @DataBoundSetter
    public void setHeaderName(String headerName) {
        this.headerName = headerName == null ? "" : headerName.trim();
    }

    public String getAuthScheme() {
        return authScheme == null ? "" : authScheme;
    }

    @DataBoundSetter
    public void setAuthScheme(String authScheme) {
        this.authScheme = authScheme == null ? "" : authScheme.trim();
    }

    public String getCaCertificate() {
        return caCertificate == null ? "" : caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = caCertificate == null ? "" : caCertificate.trim();
    }

    @Override
    public SinkSettings toSettings(String localHostname) {
        String id = getCredentialsId();
        return HttpSettings.of(
                basics(),
                url,
                id.isEmpty() ? null : SecretTextCredentials.secretOf("sinks[" + getName() + "].credentialsId", id),
                headerName,
                getAuthScheme(),
                getCaCertificate());
    }

    @Extension
    @Symbol("httpJsonLines")
    public static final class DescriptorImpl extends SinkDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.HttpSinkConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            return check(() -> SinkFields.url(value));
        }

        @POST
        public FormValidation doCheckCredentialsId(@QueryParameter String value, @QueryParameter String url) {
            return check(() -> SinkFields.tokenTransport(url, value != null && !value.isBlank()));
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
            return SecretTextCredentials.choices(credentialsId);
        }

        @POST
        public FormValidation doCheckHeaderName(@QueryParameter String value) {
            return check(() -> SinkFields.headerName(value));
        }

        @POST
        public FormValidation doCheckAuthScheme(@QueryParameter String value) {
            return check(() -> SinkFields.authScheme(value));
        }

        @POST
        public FormValidation doCheckCaCertificate(@QueryParameter String value, @QueryParameter String url) {
            return check(() -> SinkFields.caCertificate(
                    value,
                    SinkFields.url(url) == null && URI.create(url).getScheme().equalsIgnoreCase("https")));
        }
    }
}
