package dev.kindred;

public final class Kindred {
    public static void main(String[] args) {}
}
