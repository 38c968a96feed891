package hudson.tasks;

import jakarta.mail.Session;

public class Mailer {

    public static DescriptorImpl descriptor() {
        throw new UnsupportedOperationException();
    }

    public static final class DescriptorImpl {

        public Session createSession() {
            throw new UnsupportedOperationException();
        }
    }

    public static class UserProperty extends hudson.model.UserProperty {

        public String getAddress() {
            throw new UnsupportedOperationException();
        }
    }
}
