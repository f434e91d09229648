<#-- The email code (authenticators emailcode.EmailCodeMailer): the code, how long it is good for, and that it can be
     ignored, in the person's language. -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("k12EmailCodeIntro", realmName)}</p>
<p style="font-size:1.75em;font-family:monospace;letter-spacing:0.2em"><strong>${code}</strong></p>
<p>${msg("k12EmailCodeExpiry", minutes)}</p>
<p>${msg("k12EmailCodeIgnore")}</p>
</@layout.emailLayout>
