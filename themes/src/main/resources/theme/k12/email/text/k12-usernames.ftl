<#ftl output_format="plainText">
${msg("k12UsernamesIntro", realmName)}

<#list usernames as username>
    ${username}
</#list>

${msg("k12UsernamesOutro")}
