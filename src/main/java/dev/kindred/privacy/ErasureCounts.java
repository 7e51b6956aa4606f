package dev.kindred.privacy;

/**
 * What an erasure removed: whole agents; blocks and their kept versions; messages deleted with their
 * agent; passages; other per-agent records (usage, sleeptime); messages of the person replaced by
 * tombstones in shared agents; and summaries dropped there because they could quote them.
 */
public record ErasureCounts(
        long agents,
        long blocks,
        long blockVersions,
        long messages,
        long passages,
        long otherRecords,
        long tombstones,
        long summaries) {
    public static final ErasureCounts NONE = new ErasureCounts(0, 0, 0, 0, 0, 0, 0, 0);

    public ErasureCounts plus(ErasureCounts o) {
        return new ErasureCounts(
                agents + o.agents,
                blocks + o.blocks,
                blockVersions + o.blockVersions,
                messages + o.messages,
                passages + o.passages,
                otherRecords + o.otherRecords,
                tombstones + o.tombstones,
                summaries + o.summaries);
    }

    public String render() {
        return agents + " agents, " + blocks + " blocks (" + blockVersions + " versions), " + messages
                + " messages, " + passages + " passages, " + otherRecords + " other records, " + tombstones
                + " messages erased in shared agents, " + summaries + " summaries dropped";
    }
}
