package hudson.model;

/** Stand-in: hudson.model.HealthReportingAction (core); getBuildHealth() is not used by the glue. */
public interface HealthReportingAction extends Action {}
