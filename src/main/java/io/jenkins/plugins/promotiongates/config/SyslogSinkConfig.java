package io.jenkins.plugins.promotiongates.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.util.FormValidation;
import io.jenkins.plugins.promotiongates.core.sink.SinkFields;
import io.jenkins.plugins.promotiongates.core.sink.SinkSettings;
import io.jenkins.plugins.promotiongates.core.sink.SyslogSettings;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** A syslog receiver: RFC 5424 over TCP, TLS by default (docs/auditing.md, "Copies outside the controller"). */
public final class SyslogSinkConfig extends SinkConfig {

    private final String host;
    private int port = SyslogSettings.DEFAULT_TLS_PORT;
    private boolean tls = true;
    private String caCertificate = "";
    private String facility = SyslogSettings.DEFAULT_FACILITY;
    private String appName = SyslogSettings.DEFAULT_APP_NAME;
    private String hostname = "";

    @DataBoundConstructor
    public SyslogSinkConfig(String name, String host) {
        super(name);
        this.host = host == null ? "" : host.trim();
    }

    public String getHost() {
        return host;
    }

    public int getPort() {
        return port;
    }

    @DataBoundSetter
    public void setPort(int port) {
        this.port = port;
    }

    public boolean isTls() {
        return tls;
    }

    @DataBoundSetter
    public void setTls(boolean tls) {
        this.tls = tls;
    }

    public String getCaCertificate() {
        return caCertificate == null ? "" : caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = caCertificate == null ? "" : caCertificate.trim();
    }

    public String getFacility() {
        return facility;
    }

    @DataBoundSetter
    public void setFacility(String facility) {
        this.facility = facility == null ? "" : facility.trim();
    }

    public String getAppName() {
        return appName;
    }

    @DataBoundSetter
    public void setAppName(String appName) {
        this.appName = appName == null ? "" : appName.trim();
    }

    public String getHostname() {
        return hostname == null ? "" : hostname;
    }

    @DataBoundSetter
    public void setHostname(String hostname) {
        this.hostname = hostname == null ? "" : hostname.trim();
    }

    @Override
    public SinkSettings toSettings(String localHostname) {
        return SyslogSettings.of(
                basics(), host, port, tls, getCaCertificate(), facility, appName, getHostname(), localHostname);
    }

    @Extension
    @Symbol("syslog")
    public static final class DescriptorImpl extends SinkDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.SyslogSinkConfig_DisplayName();
        }

        @POST
        public FormValidation doCheckHost(@QueryParameter String value) {
            return check(() -> SinkFields.host(value));
        }

        @POST
        public FormValidation doCheckPort(@QueryParameter String value) {
            return check(() -> SinkFields.port(value));
        }

        @POST
        public FormValidation doCheckCaCertificate(@QueryParameter String value, @QueryParameter boolean tls) {
            return check(() -> SinkFields.caCertificate(value, tls));
        }

        @POST
        public FormValidation doCheckFacility(@QueryParameter String value) {
            return check(() -> SinkFields.facility(value));
        }

        @POST
        public FormValidation doCheckAppName(@QueryParameter String value) {
            return check(() -> SinkFields.appName(value));
        }

        @POST
        public FormValidation doCheckHostname(@QueryParameter String value) {
            return check(() -> SinkFields.hostname(value));
        }
    }
}
