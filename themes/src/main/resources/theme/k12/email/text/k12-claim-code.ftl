<#ftl output_format="plainText">
${msg("k12ClaimCodeBody", realmName, code, days)}
