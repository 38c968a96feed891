package hudson;

public final class XmlFile {}
