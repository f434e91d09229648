<#ftl output_format="plainText">
${msg("k12EmailCodeIntro", realmName)}

    ${code}

${msg("k12EmailCodeExpiry", minutes)}

${msg("k12EmailCodeIgnore")}
