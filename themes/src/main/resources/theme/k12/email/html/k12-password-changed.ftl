<#-- Sent when a person changed their own password (authenticators notices: PasswordChangedNotice). -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("k12PasswordChangedBodyHtml", realmName))?no_esc}
</@layout.emailLayout>
