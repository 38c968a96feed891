package jenkins.model;

/** Stand-in: jenkins.model.Badgeable (core); its default methods are not used by the glue. */
public interface Badgeable {}
