package org.k12id.adminrest.badges;

import java.time.LocalDate;

/**
 * One printed badge.
 *
 * @param payload     what the QR code holds: a badge payload, 59 characters of the QR alphanumeric set
 *                    ({@code K12B1.<26 base32>.<26 base32>}); required
 * @param studentName the student's name, printed largest; null or blank prints nothing
 * @param school      the school's name; null or blank prints nothing
 * @param classLine   a free line about the class (e.g. grade and class name); null or blank prints nothing
 * @param issued      the day the badge was issued, printed as an ISO date; null prints no date
 * @param version     the badge's version, printed as {@code v<version>}; 0 or less prints none
 */
public record BadgeCard(String payload, String studentName, String school, String classLine, LocalDate issued,
                        int version) {
}
