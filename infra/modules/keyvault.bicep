// Key Vault for the host's secrets, read by the web app through Key Vault references (RBAC, no access policies).
// A secret parameter left empty creates no secret: set it later with 'az keyvault secret set' (docs/deploy.md).

@description('Azure region of the vault.')
param location string

@description('Globally unique vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Names of the secrets in the vault, by purpose.')
param secretNames {
  botAppPassword: string
  smtpPassword: string
  newsletterSigningKey: string
  staffConsoleClientSecret: string
}

@secure()
@description('Client secret of the bot\'s Entra app registration; empty: keep the secret already in the vault.')
param botAppPassword string

@secure()
@description('SMTP password; empty: keep the secret already in the vault.')
param smtpPassword string

@secure()
@description('Newsletter link signing key (base64, at least 32 bytes); empty: keep the secret already in the vault.')
param newsletterSigningKey string

@secure()
@description('Client secret of the staff console\'s app registration; empty: keep the secret already in the vault.')
param staffConsoleClientSecret string

param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: secretNames.botAppPassword
  properties: {
    value: botAppPassword
    contentType: 'text/plain'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: secretNames.smtpPassword
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

resource signingKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(newsletterSigningKey)) {
  parent: vault
  name: secretNames.newsletterSigningKey
  properties: {
    value: newsletterSigningKey
    contentType: 'application/octet-stream;base64'
  }
}

resource staffConsoleSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(staffConsoleClientSecret)) {
  parent: vault
  name: secretNames.staffConsoleClientSecret
  properties: {
    value: staffConsoleClientSecret
    contentType: 'text/plain'
  }
}

output vaultName string = vault.name

output vaultId string = vault.id
