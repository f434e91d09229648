<#-- "Forgot my username" (authenticators recovery: UsernameMailer): the usernames of the enabled accounts with the
     address, in the page's language. -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("k12UsernamesIntro", realmName)}</p>
<ul>
<#list usernames as username>
<li style="font-size:1.25em;font-family:monospace"><strong>${username}</strong></li>
</#list>
</ul>
<p>${msg("k12UsernamesOutro")}</p>
</@layout.emailLayout>
