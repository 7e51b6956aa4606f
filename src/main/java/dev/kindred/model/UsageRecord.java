package dev.kindred.model;

import java.time.LocalDate;

/**
 * Tokens and estimated cost of model calls by one agent with one model ({@code provider/model}) on
 * one UTC day: a single call when recorded, their sum when read back.
 */
public record UsageRecord(String agentId, String model, LocalDate day, Usage usage, double costUsd) {}
