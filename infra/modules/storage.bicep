// The storage account with the one blob container VarBot uses (models/, conversations/, feedback/, subscribers/,
// newsletters/). No public access, TLS 1.2, blob soft delete and versioning on; shared-key access off, because the
// host and the operators authenticate with Entra ID (managed identity, az login).

@description('Azure region of the account.')
param location string

@description('Globally unique account name: 3-24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param accountName string

@description('Blob container name (Storage:Container).')
param containerName string

@description('Replication of the account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param skuName string

@description('Allow account-key (shared key) access. Leave false: VarBot authenticates with Entra ID.')
param allowSharedKeyAccess bool

@description('Days that deleted blobs and containers can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteDays int

@description('Object id of an Entra group (or user) of operators and staff who run varbot publish, rollback and newsletter send with az login; empty: none.')
param operatorsPrincipalId string

@description('Kind of principal operatorsPrincipalId names.')
@allowed([
  'Group'
  'User'
  'ServicePrincipal'
])
param operatorsPrincipalType string

param tags object

var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: allowSharedKeyAccess
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    encryption: {
      keySource: 'Microsoft.Storage'
      services: {
        blob: {
          enabled: true
        }
      }
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

resource operatorsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorsPrincipalId)) {
  name: guid(account.id, operatorsPrincipalId, storageBlobDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: operatorsPrincipalId
    principalType: operatorsPrincipalType
  }
}

// The operators' CLI (varbot subscribers ...) reads and writes the subscriber table.
resource operatorsTableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(operatorsPrincipalId)) {
  name: guid(account.id, operatorsPrincipalId, storageTableDataContributor)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: operatorsPrincipalId
    principalType: operatorsPrincipalType
  }
}

output accountName string = account.name

output accountId string = account.id

@description('Blob service endpoint for Storage:ServiceUri, e.g. https://account.blob.core.windows.net/.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

output containerName string = container.name
