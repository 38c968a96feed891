package hudson.model;

public abstract class View {}
