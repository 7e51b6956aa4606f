package dev.kindred.privacy;

import dev.kindred.model.UsageStore;

/** The storage privacy needs beyond the memory stores. */
public record PrivacyStores(
        UsageStore usage, AgentRecords agentRecords, PrivacyRequests requests, GuildDepartures departures) {}
