<#ftl output_format="plainText">
${msg("k12PasswordChangedBody", realmName)}
