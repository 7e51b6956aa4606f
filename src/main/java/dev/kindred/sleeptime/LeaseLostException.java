package dev.kindred.sleeptime;

/** A runner wrote to a job whose lease another runner has since taken; the run must stop at once. */
public final class LeaseLostException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LeaseLostException(String jobId) {
        super("lost the lease on sleeptime job " + jobId);
    }
}
