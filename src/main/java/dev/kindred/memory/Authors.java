package dev.kindred.memory;

/** Who changed a block, as written into block history. */
public final class Authors {
    public static final String AGENT = "agent";
    public static final String SLEEPTIME = "sleeptime";
    public static final String IMPORT = "import";
    public static final String SYSTEM = "system";

    private Authors() {}

    public static String user(String userId) {
        return "user:" + userId;
    }
}
