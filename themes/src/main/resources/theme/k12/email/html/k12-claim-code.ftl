<#-- The claim code a parent or guardian is sent (admin-rest claims: GuardianCodeSender). -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("k12ClaimCodeBodyHtml", realmName, code, days))?no_esc}
</@layout.emailLayout>
