package org.revcycle.x12.claim;

/** PER*IC: a contact name with a telephone (and extension) and an e-mail address. */
public record Contact(String name, String phone, String phoneExtension, String email) {}
