package hudson.scm;

import hudson.model.User;

public abstract class ChangeLogSet<T extends ChangeLogSet.Entry> implements Iterable<T> {

    public abstract static class Entry {

        public abstract String getMsg();

        public abstract User getAuthor();
    }
}
