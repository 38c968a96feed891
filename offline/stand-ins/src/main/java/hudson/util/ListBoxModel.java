package hudson.util;

import org.kohsuke.stapler.HttpResponse;

public class ListBoxModel implements HttpResponse {}
