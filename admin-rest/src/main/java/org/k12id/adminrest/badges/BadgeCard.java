package org.k12id.adminrest.badges;
public record BadgeCard(String payload, String studentName, String school, String classLine, java.time.LocalDate issued, int version) {}
