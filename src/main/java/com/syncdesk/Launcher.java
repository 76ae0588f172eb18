package com.syncdesk;
public final class Launcher { public static void main(String[] a) {} }
